package io.tonewatch.alerting.actions.ami;

import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformIds;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk through the manager interface, one TCP session per request: {@code Login}, then for
 * whisper or barge an {@code Originate} that rings the supervisor's endpoint and runs {@code
 * ChanSpy(<agent channel>,qwE)} (whisper: the agent hears the supervisor, the customer does not) or
 * {@code ChanSpy(<agent channel>,qBE)} (barge: both hear), quiet and ending when the agent's
 * channel hangs up; for a transfer a {@code Redirect} of the customer's channel to the target
 * extension. Every action carries an {@code ActionID}, and its {@code Response} (and for an
 * Originate its {@code OriginateResponse} event) is matched by it. Thread-safe: each request has
 * its own connection.
 */
public final class AmiPlatform implements CallPlatform {
  private static final AtomicLong IDS = new AtomicLong();

  private final AmiSettings settings;
  private final AdapterMetrics metrics;

  public AmiPlatform(AmiSettings settings, AdapterMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return "ami";
  }

  @Override
  public PlatformResult perform(PlatformCommand command) {
    Optional<String> agentChannel = PlatformIds.find(command, "channel");
    if (command.kind() == PlatformCommand.Kind.TRANSFER) {
      Optional<String> customer = PlatformIds.find(command, "customerChannel", "channel");
      Optional<String> target = PlatformIds.valid(command.target());
      if (customer.isEmpty() || target.isEmpty()) {
        return PlatformResult.failed("a transfer needs the call's Asterisk channel and a target");
      }
      return exchange(command, "Redirect", customer.get(), target.get());
    }
    Optional<String> endpoint = settings.supervisors().of(command.supervisor());
    if (endpoint.isEmpty()) {
      return PlatformResult.failed("no Asterisk endpoint for supervisor " + command.supervisor());
    }
    if (agentChannel.isEmpty()) {
      return PlatformResult.failed("the call's metadata has no Asterisk channel");
    }
    return exchange(command, "Originate", agentChannel.get(), endpoint.get());
  }

  private PlatformResult exchange(
      PlatformCommand command, String action, String channel, String to) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    String base = "tonewatch-" + IDS.incrementAndGet();
    try (AmiConnection ami = AmiConnection.open(settings.host(), settings.port(), deadline)) {
      ami.send(
          AmiMessage.action(
              "Login",
              base + "-login",
              "Username",
              settings.username(),
              "Secret",
              settings.secret()));
      AmiMessage login = ami.await(m -> m.isResponseTo(base + "-login"));
      if (!"Success".equalsIgnoreCase(login.get("Response"))) {
        metrics.error(name(), "refused");
        return PlatformResult.failed("Asterisk refused the login: " + login.get("Message"));
      }
      PlatformResult result =
          action.equals("Redirect")
              ? redirect(ami, base, channel, to)
              : originate(ami, base, command.kind(), channel, to);
      ami.send(AmiMessage.action("Logoff", base + "-logoff"));
      return result;
    } catch (ConnectException e) {
      metrics.error(name(), "connect");
      return PlatformResult.failed("cannot reach the Asterisk manager: " + e.getMessage());
    } catch (SocketTimeoutException e) {
      metrics.error(name(), "timeout");
      return PlatformResult.failed("no answer from the Asterisk manager in time");
    } catch (IOException e) {
      metrics.error(name(), "protocol");
      return PlatformResult.failed("the Asterisk manager session failed: " + e.getMessage());
    }
  }

  private PlatformResult originate(
      AmiConnection ami, String base, PlatformCommand.Kind kind, String agent, String endpoint)
      throws IOException {
    String id = base + "-originate";
    String options = kind == PlatformCommand.Kind.WHISPER ? "qwE" : "qBE";
    String mode = kind == PlatformCommand.Kind.WHISPER ? "whisper" : "barge";
    ami.send(
        AmiMessage.action(
            "Originate",
            id,
            "Channel",
            endpoint,
            "Application",
            "ChanSpy",
            "Data",
            agent + "," + options,
            "CallerID",
            "tonewatch " + mode,
            "Timeout",
            Long.toString(settings.timeout().toMillis()),
            "Async",
            "true"));
    AmiMessage response = ami.await(m -> m.isResponseTo(id));
    if (!"Success".equalsIgnoreCase(response.get("Response"))) {
      metrics.error(name(), "refused");
      return PlatformResult.failed("Asterisk refused the Originate: " + response.get("Message"));
    }
    try {
      // Spying has begun at ChanSpyStart on the agent's channel, which may come first.
      AmiMessage outcome =
          ami.await(
              m ->
                  m.isEvent("OriginateResponse", id)
                      || ("ChanSpyStart".equalsIgnoreCase(m.get("Event"))
                          && agent.equals(m.get("SpyeeChannel"))));
      if ("ChanSpyStart".equalsIgnoreCase(outcome.get("Event"))
          || "Success".equalsIgnoreCase(outcome.get("Response"))) {
        return PlatformResult.started(endpoint + " answered: ChanSpy " + mode + " on " + agent);
      }
      metrics.error(name(), "refused");
      return PlatformResult.failed(
          endpoint + " did not answer the " + mode + " (reason " + outcome.get("Reason") + ")");
    } catch (SocketTimeoutException e) {
      return PlatformResult.started(
          "Originate queued: " + endpoint + " is ringing for the " + mode);
    }
  }

  private PlatformResult redirect(AmiConnection ami, String base, String channel, String target)
      throws IOException {
    String id = base + "-redirect";
    ami.send(
        AmiMessage.action(
            "Redirect",
            id,
            "Channel",
            channel,
            "Exten",
            target,
            "Context",
            settings.transferContext(),
            "Priority",
            "1"));
    AmiMessage response = ami.await(m -> m.isResponseTo(id));
    if (!"Success".equalsIgnoreCase(response.get("Response"))) {
      metrics.error(name(), "refused");
      return PlatformResult.failed("Asterisk refused the Redirect: " + response.get("Message"));
    }
    return PlatformResult.started(
        "redirected " + channel + " to " + target + "@" + settings.transferContext());
  }
}
