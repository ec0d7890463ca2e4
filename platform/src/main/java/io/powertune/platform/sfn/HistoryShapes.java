package io.powertune.platform.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A stored event as GetExecutionHistory returns it. */
final class HistoryShapes {

  private HistoryShapes() {}

  static JsonNode event(SfnStore.StoredEvent event, boolean includeData) {
    ObjectNode out =
        SfnWire.object()
            .put("timestamp", SfnWire.seconds(event.timestamp()))
            .put("type", event.type())
            .put("id", event.id())
            .put("previousEventId", event.previousId());
    JsonNode details = SfnWire.parse(event.details());
    for (Map.Entry<String, JsonNode> field : details.properties()) {
      JsonNode value = field.getValue();
      if (!includeData && value instanceof ObjectNode inner) {
        inner = inner.deepCopy();
        for (String data : new String[] {"input", "output"}) {
          inner.remove(data);
        }
        value = inner;
      }
      out.set(field.getKey(), value);
    }
    return out;
  }
}
