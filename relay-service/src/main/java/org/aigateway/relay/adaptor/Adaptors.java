package org.aigateway.relay.adaptor;

import static org.aigateway.relay.adaptor.bridge.OutputLimitField.MAX_COMPLETION_TOKENS;
import static org.aigateway.relay.adaptor.bridge.OutputLimitField.MAX_TOKENS;

import java.util.Map;
import java.util.Set;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.anthropic.AnthropicAdaptor;
import org.aigateway.relay.adaptor.azure.AzureAdaptor;
import org.aigateway.relay.adaptor.bridge.BridgeRelay;
import org.aigateway.relay.adaptor.bridge.ChatBridgeAdaptor;
import org.aigateway.relay.adaptor.deepseek.DeepSeekAdaptor;
import org.aigateway.relay.adaptor.gemini.GeminiAdaptor;
import org.aigateway.relay.adaptor.jina.JinaAdaptor;
import org.aigateway.relay.adaptor.ollama.OllamaAdaptor;
import org.aigateway.relay.adaptor.openai.OpenAiAdaptor;
import org.aigateway.relay.pdf.PdfAsTextAdaptor;
import org.aigateway.relay.usage.UsageCounter;

/**
 * The adaptor of every channel type this build serves, registered explicitly. OpenAI-protocol
 * adaptors are wrapped in a {@link ChatBridgeAdaptor}, so they serve Anthropic and Gemini clients,
 * the think split and the JSON pass-through endpoints too (image edits are a form upstream and JSON back).
 * Upstreams that cannot read PDFs (generic OpenAI-compatible, Ollama, DeepSeek) are wrapped in a
 * {@link PdfAsTextAdaptor}, so chat PDF parts reach them as text; OpenAI, Azure, Anthropic and Gemini
 * get the PDF itself. Converted requests reach OpenAI and Azure with {@code max_completion_tokens},
 * the others with {@code max_tokens} ({@link org.aigateway.relay.adaptor.bridge.OutputLimitField}).
 */
public final class Adaptors {

  private static final Set<Mode> OPENAI_JSON = Set.of(Mode.MODERATIONS, Mode.IMAGES_GENERATIONS, Mode.IMAGES_EDITS,
      Mode.RERANK);
  private static final Set<Mode> AZURE_JSON = Set.of(Mode.MODERATIONS, Mode.IMAGES_GENERATIONS, Mode.IMAGES_EDITS);

  private Adaptors() {
  }

  public static AdaptorRegistry registry(UsageCounter counter) {
    BridgeRelay relay = new BridgeRelay(counter);
    OpenAiAdaptor openAi = new OpenAiAdaptor("openai", OpenAiAdaptor.OPENAI_BASE_URL, counter);
    return new AdaptorRegistry(Map.of(
        ChannelTypes.OPENAI, new ChatBridgeAdaptor(openAi, relay, OPENAI_JSON, MAX_COMPLETION_TOKENS),
        ChannelTypes.AZURE_LEGACY, new ChatBridgeAdaptor(new AzureAdaptor(openAi, true), relay, AZURE_JSON,
            MAX_COMPLETION_TOKENS),
        ChannelTypes.AZURE, new ChatBridgeAdaptor(new AzureAdaptor(openAi, false), relay, AZURE_JSON,
            MAX_COMPLETION_TOKENS),
        ChannelTypes.OPENAI_COMPATIBLE, new PdfAsTextAdaptor(new ChatBridgeAdaptor(
            new OpenAiAdaptor("openai-compatible", "", counter), relay, OPENAI_JSON, MAX_TOKENS)),
        ChannelTypes.ANTHROPIC, new AnthropicAdaptor(relay),
        ChannelTypes.GEMINI, new GeminiAdaptor(relay),
        ChannelTypes.OLLAMA, new PdfAsTextAdaptor(new OllamaAdaptor(relay)),
        ChannelTypes.DEEPSEEK, new PdfAsTextAdaptor(
            new ChatBridgeAdaptor(new DeepSeekAdaptor(counter), relay, Set.of(), MAX_TOKENS)),
        ChannelTypes.JINA, new JinaAdaptor(counter, relay)));
  }
}
