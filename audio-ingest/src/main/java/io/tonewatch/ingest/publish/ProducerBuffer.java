package io.tonewatch.ingest.publish;

import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads how much of the producer's {@code buffer.memory} holds unsent records, from its metrics.
 */
final class ProducerBuffer {
  private ProducerBuffer() {}

  static double usedBytes(Producer<?, ?> producer) {
    double total = Double.NaN;
    double available = Double.NaN;
    for (Map.Entry<MetricName, ? extends Metric> entry : producer.metrics().entrySet()) {
      MetricName name = entry.getKey();
      if (!"producer-metrics".equals(name.group())) {
        continue;
      }
      if ("buffer-total-bytes".equals(name.name())) {
        total = value(entry.getValue());
      } else if ("buffer-available-bytes".equals(name.name())) {
        available = value(entry.getValue());
      }
    }
    return total - available;
  }

  private static double value(Metric metric) {
    return metric.metricValue() instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
