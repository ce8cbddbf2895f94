package io.tonewatch.alerting.actions.freeswitch;

import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformIds;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * FreeSWITCH through the inbound event socket, one session per request. Whisper and barge are
 * {@code api originate {vars}<endpoint> &eavesdrop(<agent uuid>)}: the supervisor's phone rings and
 * on answer listens to both sides; {@code eavesdrop_whisper_aleg=true} lets the agent (the
 * eavesdropped uuid) hear the supervisor, and for barge {@code eavesdrop_whisper_bleg=true} lets
 * the customer hear too. A transfer is {@code api uuid_transfer <customer uuid> <target> <dialplan>
 * <context>}. {@code originate_timeout} makes FreeSWITCH stop ringing before our deadline, so the
 * reply always comes in time. Thread-safe: each request has its own connection.
 */
public final class EslPlatform implements CallPlatform {
  private final EslSettings settings;
  private final AdapterMetrics metrics;

  public EslPlatform(EslSettings settings, AdapterMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return "freeswitch";
  }

  @Override
  public PlatformResult perform(PlatformCommand command) {
    if (command.kind() == PlatformCommand.Kind.TRANSFER) {
      Optional<String> uuid = PlatformIds.find(command, "customerUuid", "uuid");
      Optional<String> target = PlatformIds.valid(command.target());
      if (uuid.isEmpty() || target.isEmpty()) {
        return PlatformResult.failed("a transfer needs the call's FreeSWITCH uuid and a target");
      }
      String api =
          "api uuid_transfer "
              + uuid.get()
              + " "
              + target.get()
              + " "
              + settings.transferDialplan()
              + " "
              + settings.transferContext();
      return exchange(api, "transferred to " + target.get());
    }
    Optional<String> endpoint = settings.supervisors().of(command.supervisor());
    if (endpoint.isEmpty()) {
      return PlatformResult.failed("no FreeSWITCH endpoint for supervisor " + command.supervisor());
    }
    Optional<String> agent = PlatformIds.find(command, "uuid");
    if (agent.isEmpty()) {
      return PlatformResult.failed("the call's metadata has no FreeSWITCH uuid");
    }
    boolean barge = command.kind() == PlatformCommand.Kind.BARGE;
    long ringSeconds = Math.max(1, settings.timeout().toSeconds() - 1);
    String api =
        "api originate {origination_caller_id_name=tonewatch,originate_timeout="
            + ringSeconds
            + ",eavesdrop_whisper_aleg=true,eavesdrop_whisper_bleg="
            + barge
            + "}"
            + endpoint.get()
            + " &eavesdrop("
            + agent.get()
            + ")";
    return exchange(
        api, endpoint.get() + (barge ? " barged in on " : " whispers to ") + agent.get());
  }

  private PlatformResult exchange(String api, String done) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    try (EslConnection esl = EslConnection.open(settings.host(), settings.port(), deadline)) {
      EslConnection.Reply auth = esl.authenticate(settings.password());
      if (!auth.ok()) {
        metrics.error(name(), "refused");
        return PlatformResult.failed("FreeSWITCH refused the password: " + auth.text());
      }
      EslConnection.Reply reply = esl.command(api);
      if (!reply.ok()) {
        metrics.error(name(), "refused");
        return PlatformResult.failed("FreeSWITCH answered " + reply.text());
      }
      return PlatformResult.started(done + " (" + reply.text() + ")");
    } catch (ConnectException e) {
      metrics.error(name(), "connect");
      return PlatformResult.failed("cannot reach the FreeSWITCH event socket: " + e.getMessage());
    } catch (SocketTimeoutException e) {
      metrics.error(name(), "timeout");
      return PlatformResult.failed("no answer from FreeSWITCH in time");
    } catch (IOException e) {
      metrics.error(name(), "protocol");
      return PlatformResult.failed("the FreeSWITCH session failed: " + e.getMessage());
    }
  }
}
