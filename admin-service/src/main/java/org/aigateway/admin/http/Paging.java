package org.aigateway.admin.http;

import io.vertx.core.MultiMap;

/**
 * A page of a listing, as the original reads it: {@code p} or {@code page} (from 1; 0 or less
 * means 1) and {@code per_page} (0 or less means 10, more than 100 means 100).
 */
public record Paging(int page, int perPage) {

  public static final int DEFAULT_PER_PAGE = 10;
  public static final int MAX_PER_PAGE = 100;

  public static Paging from(MultiMap params) {
    Integer page = Params.optionalInt(params, "p");
    if (page == null) {
      page = Params.optionalInt(params, "page");
    }
    Integer perPage = Params.optionalInt(params, "per_page");
    return of(page == null ? 1 : page, perPage == null ? 0 : perPage);
  }

  public static Paging of(int page, int perPage) {
    int size = perPage <= 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
    return new Paging(Math.max(page, 1), size);
  }

  public long offset() {
    return (long) (page - 1) * perPage;
  }
}
