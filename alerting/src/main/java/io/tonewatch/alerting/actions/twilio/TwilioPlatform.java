package io.tonewatch.alerting.actions.twilio;

import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformIds;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio, for calls held in a conference. Whisper creates a participant ({@code
 * Conferences/{ConferenceSid}/Participants.json}: {@code From}, {@code To} the supervisor, {@code
 * Coaching=true}, {@code CallSidToCoach} the agent's call); barge updates that participant ({@code
 * Participants/{CallSid}.json}: {@code Coaching=false}), or adds the supervisor uncoached when
 * there was no whisper; a transfer updates the customer's call ({@code Calls/{CallSid}.json}) with
 * {@code Url} (a TwiML URL target) or {@code Twiml} dialling the target. Metadata: {@code
 * conferenceSid}, {@code agentCallSid} (else {@code callSid}) and {@code customerCallSid} (else
 * {@code callSid}). Thread-safe.
 */
public final class TwilioPlatform implements CallPlatform {
  private static final int MAX_REMEMBERED = 10_000;
  private static final java.util.regex.Pattern SID =
      java.util.regex.Pattern.compile("[A-Za-z0-9]{2,64}");

  private final TwilioSettings settings;
  private final AdapterMetrics metrics;
  private final TwilioRest rest;

  /** The supervisor's participant call per call and supervisor, for barge after whisper. */
  private final Map<String, String> coaches = // guarded by itself; oldest forgotten first
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  public TwilioPlatform(TwilioSettings settings, AdapterMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
    this.rest = new TwilioRest(settings);
  }

  @Override
  public String name() {
    return "twilio";
  }

  @Override
  public PlatformResult perform(PlatformCommand command) {
    try {
      return switch (command.kind()) {
        case WHISPER, BARGE -> join(command);
        case TRANSFER -> transfer(command);
      };
    } catch (ConnectException e) {
      metrics.error(name(), "connect");
      return PlatformResult.failed("cannot reach Twilio: " + e.getMessage());
    } catch (HttpTimeoutException e) {
      metrics.error(name(), "timeout");
      return PlatformResult.failed("no answer from Twilio in time");
    } catch (IOException e) {
      metrics.error(name(), "protocol");
      return PlatformResult.failed("the request to Twilio failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PlatformResult.failed("interrupted while waiting for Twilio");
    }
  }

  private PlatformResult join(PlatformCommand command) throws IOException, InterruptedException {
    Optional<String> to = settings.supervisors().of(command.supervisor());
    Optional<String> conference = sid(command, "conferenceSid");
    Optional<String> agent = sid(command, "agentCallSid", "callSid");
    if (to.isEmpty()) {
      return PlatformResult.failed("no Twilio endpoint for supervisor " + command.supervisor());
    }
    if (conference.isEmpty() || agent.isEmpty()) {
      return PlatformResult.failed("the call's metadata has no conferenceSid and agent call sid");
    }
    String participants = "Conferences/" + conference.get() + "/Participants";
    String key = command.callId() + "\n" + command.supervisor();
    boolean barge = command.kind() == PlatformCommand.Kind.BARGE;
    String coach;
    synchronized (coaches) {
      coach = coaches.get(key);
    }
    if (barge && coach != null) {
      TwilioRest.Answer answer =
          rest.post(participants + "/" + coach + ".json", Map.of("Coaching", "false"));
      return answered(answer, to.get() + " barged in (coaching off)");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("From", settings.from());
    form.put("To", to.get());
    if (!barge) {
      form.put("Coaching", "true");
      form.put("CallSidToCoach", agent.get());
    }
    TwilioRest.Answer answer = rest.post(participants + ".json", form);
    String participant = answer.body().path("call_sid").asText("");
    if (answer.ok() && !barge && SID.matcher(participant).matches()) {
      synchronized (coaches) {
        coaches.put(key, participant);
      }
    }
    return answered(answer, to.get() + (barge ? " joined the conference" : " is coaching"));
  }

  private PlatformResult transfer(PlatformCommand command)
      throws IOException, InterruptedException {
    Optional<String> call = sid(command, "customerCallSid", "callSid");
    String target = command.target();
    if (call.isEmpty() || PlatformIds.valid(target).isEmpty()) {
      return PlatformResult.failed("a transfer needs the call's sid and a target");
    }
    Map<String, String> form =
        target.startsWith("https://") || target.startsWith("http://")
            ? Map.of("Url", target)
            : Map.of("Twiml", "<Response><Dial>" + target + "</Dial></Response>");
    return answered(rest.post("Calls/" + call.get() + ".json", form), "transferred to " + target);
  }

  /** A sid goes into a URL path: letters and digits only. */
  private static Optional<String> sid(PlatformCommand command, String... keys) {
    return PlatformIds.find(command, keys).filter(v -> SID.matcher(v).matches());
  }

  private PlatformResult answered(TwilioRest.Answer answer, String done) {
    if (answer.ok()) {
      return PlatformResult.started(done);
    }
    metrics.error(name(), "refused");
    return PlatformResult.failed("Twilio answered " + answer.error());
  }
}
