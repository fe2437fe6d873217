package org.aigateway.runtime.db;

/** One schema step of a service: its version number and the classpath resource holding its SQL. */
public record Migration(int version, String resource) {
}
