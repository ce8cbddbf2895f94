package io.tonewatch.app;

import io.tonewatch.media.call.CallAudio;
import io.tonewatch.media.call.CallAudioException;
import io.tonewatch.media.call.CallAudioLoader;
import io.tonewatch.media.call.LegLayout;
import io.tonewatch.media.wav.WavFormatException;
import io.tonewatch.media.wav.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Reading recordings for the commands, with failures turned into one sentence naming the file. */
final class Inputs {

  private Inputs() {}

  /** Loads a call; notes such as resampling go to stderr. */
  static CallAudio load(Path file, LegLayout layout, CommandSpec spec) {
    if (Files.isDirectory(file)) {
      throw new CliFailure("cannot read " + file + ": it is a directory, not a WAV file");
    }
    try {
      return CallAudioLoader.load(
          file,
          layout,
          note -> spec.commandLine().getErr().println(file.getFileName() + ": " + note));
    } catch (CallAudioException | WavFormatException e) {
      // Their messages are one sentence that names the file already.
      throw new CliFailure(e.getMessage(), e);
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /** Loads a call bundled as a classpath resource, under the given name. */
  static CallAudio loadResource(String resource, String name, CommandSpec spec) {
    try (InputStream in = Inputs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new CliFailure("the bundled sample " + resource + " is missing from this build");
      }
      return CallAudioLoader.fromPcm(
          name,
          WavReader.read(in, name),
          null,
          note -> spec.commandLine().getErr().println(name + ": " + note));
    } catch (IOException e) {
      throw new CliFailure(
          "cannot read the bundled sample " + resource + ": " + IoMessages.reason(e), e);
    }
  }
}
