import com.sun.tools.attach.VirtualMachine;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Where a Kafka request spends its time inside a running `tonewatch run` (embedded broker): attaches
 * to the JVM, reads the broker's request metrics (queue, local, remote, response queue, send and total
 * time for Produce, consumer Fetch and OffsetCommit) and each client's producer and consumer latency
 * gauges, and prints them. A diagnostic for eval/pipeline-bench.sh (PIPELINE_BENCH_KAFKA_TIMES=1);
 * run it alone as {@code java eval/KafkaTimes.java PID}. The broker's quantiles are Kafka's own
 * (a decaying sample weighted to the last few minutes), the clients' maxima cover the last 30 s.
 */
public final class KafkaTimes {
  private static final List<String> REQUESTS = List.of("Produce", "FetchConsumer", "OffsetCommit");
  private static final List<String> PARTS =
      List.of(
          "RequestQueueTimeMs",
          "LocalTimeMs",
          "RemoteTimeMs",
          "ResponseQueueTimeMs",
          "ResponseSendTimeMs",
          "TotalTimeMs");
  private static final List<String> CLIENT_GAUGES =
      List.of(
          "record-queue-time-avg",
          "record-queue-time-max",
          "request-latency-avg",
          "request-latency-max",
          "fetch-latency-avg",
          "fetch-latency-max",
          "records-lag-max");

  private KafkaTimes() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java eval/KafkaTimes.java PID");
      System.exit(2);
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try (JMXConnector jmx =
        JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
      MBeanServerConnection server = jmx.getMBeanServerConnection();
      System.out.println("  kafka     broker request time, ms: p50 / p99 / p99.9 / max (requests)");
      for (String request : REQUESTS) {
        for (String part : PARTS) {
          ObjectName name =
              new ObjectName(
                  "kafka.network:type=RequestMetrics,name=" + part + ",request=" + request);
          if (!server.isRegistered(name)) {
            continue;
          }
          System.out.printf(
              Locale.ROOT,
              "  kafka     %-13s %-19s %6.1f / %6.1f / %6.1f / %6.1f (%s)%n",
              request,
              part,
              (Double) server.getAttribute(name, "50thPercentile"),
              (Double) server.getAttribute(name, "99thPercentile"),
              (Double) server.getAttribute(name, "999thPercentile"),
              (Double) server.getAttribute(name, "Max"),
              server.getAttribute(name, "Count"));
        }
      }
      for (String pattern :
          List.of(
              "kafka.producer:type=producer-metrics,*",
              "kafka.consumer:type=consumer-fetch-manager-metrics,*")) {
        Set<ObjectName> names = new TreeSet<>(server.queryNames(new ObjectName(pattern), null));
        for (ObjectName name : names) {
          if (name.getKeyProperty("topic") != null || name.getKeyProperty("partition") != null) {
            continue;
          }
          StringBuilder line =
              new StringBuilder("  kafka     ")
                  .append(name.getKeyProperty("type").replace("-metrics", ""))
                  .append(' ')
                  .append(name.getKeyProperty("client-id"))
                  .append(", ms:");
          for (String gauge : CLIENT_GAUGES) {
            try {
              Object value = server.getAttribute(name, gauge);
              if (value instanceof Double d && Double.isFinite(d)) {
                line.append(String.format(Locale.ROOT, " %s %.1f", gauge, d));
              }
            } catch (javax.management.AttributeNotFoundException e) {
              // a producer has no fetch gauges, a consumer no queue time
            }
          }
          System.out.println(line);
        }
      }
    } finally {
      vm.detach();
    }
  }
}
