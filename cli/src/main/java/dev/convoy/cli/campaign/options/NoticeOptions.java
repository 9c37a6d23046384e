package dev.convoy.cli.campaign.options;

import dev.convoy.cli.UsageException;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeferralPolicy;
import dev.convoy.protocol.v1.NoticeSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What users are told and how long they may wait: {@code --notice-title}, {@code --notice-message} or
 * {@code --notice-file}, {@code --notice-lead}, {@code --defer-max-count}, {@code --defer-max-total}. A picocli
 * mixin of {@code campaign create}; the notice and the deferral policy are only sent when one of their options is
 * given, so that a preset (or the server's default notice) fills them otherwise.
 */
public final class NoticeOptions {
  @Option(names = "--notice-title", paramLabel = "TEXT", description = "The notice's title, in any language.")
  String title;

  @Option(names = "--notice-message", paramLabel = "TEXT", description = "The notice's text, in any language.")
  String message;

  @Option(names = "--notice-file", paramLabel = "FILE", description = "Read the notice's text from a UTF-8 file"
      + " (instead of --notice-message); line breaks are kept.")
  String file;

  @Option(names = "--notice-lead", paramLabel = "D", converter = HumanDuration.class, description = "Minimum time"
      + " between the notice reaching an endpoint and the install there, e.g. 72h.")
  Duration lead;

  @Option(names = "--defer-max-count", paramLabel = "N", description = "How many times a user may defer (0: never).")
  Integer deferMaxCount;

  @Option(names = "--defer-max-total", paramLabel = "D", converter = HumanDuration.class,
      description = "How long a user may defer in all, e.g. 8h (0: no limit besides the deadline).")
  Duration deferMaxTotal;

  /**
   * Sets what was given on {@code request}; {@code resolve} turns the file name into a path.
   *
   * @throws UsageException naming the option and what was expected (also for an unreadable or non-UTF-8 file)
   */
  public void applyTo(CreateCampaignRequest.Builder request, Function<String, Path> resolve) {
    if (message != null && file != null) {
      throw new UsageException("--notice-message and --notice-file together (expected: one of them)");
    }
    String text = file != null ? read(resolve.apply(file)) : message;
    if (title != null || text != null || lead != null) {
      NoticeSpec.Builder notice = NoticeSpec.newBuilder();
      if (title != null) {
        notice.setTitle(title);
      }
      if (text != null) {
        notice.setMessage(text);
      }
      if (lead != null) {
        notice.setLeadTime(HumanDuration.toProto(lead));
      }
      request.setNotice(notice);
    }
    if (deferMaxCount != null && deferMaxCount < 0) {
      throw new UsageException("--defer-max-count: " + deferMaxCount + " (expected: >= 0)");
    }
    if (deferMaxCount != null || deferMaxTotal != null) {
      DeferralPolicy.Builder deferral = DeferralPolicy.newBuilder();
      if (deferMaxCount != null) {
        deferral.setMaxCount(deferMaxCount);
      }
      if (deferMaxTotal != null) {
        deferral.setMaxTotal(HumanDuration.toProto(deferMaxTotal));
      }
      request.setDeferral(deferral);
    }
  }

  private static String read(Path path) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark is not part of the text
    } catch (CharacterCodingException e) {
      throw new UsageException("--notice-file: " + path + " is not valid UTF-8 (expected: a UTF-8 text file)", e);
    } catch (IOException e) {
      throw new UsageException("--notice-file: cannot read " + path + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
  }
}
