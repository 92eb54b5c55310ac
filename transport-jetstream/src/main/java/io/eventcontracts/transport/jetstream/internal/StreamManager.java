package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.transport.jetstream.JetStreamOptions;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the event stream and the dead-letter stream in the shape the transport needs.
 *
 * <p>Subjects are only ever added, never removed: several services share the stream and each one knows only the
 * subjects it uses.
 */
final class StreamManager {

  private static final Logger LOG = LoggerFactory.getLogger(StreamManager.class);
  /** JetStream API error code: stream not found. */
  private static final int STREAM_NOT_FOUND = 10059;
  /** JetStream API error code: stream name already in use (someone else created it just now). */
  private static final int STREAM_NAME_IN_USE = 10058;

  private final JetStreamManagement jsm;
  private final JetStreamOptions options;
  private final String where;
  private final Set<String> covered = ConcurrentHashMap.newKeySet();
  /** The event stream's subjects as last seen; null while the stream does not exist. */
  private List<String> streamSubjects;

  StreamManager(JetStreamManagement jsm, JetStreamOptions options) {
    this.jsm = jsm;
    this.options = options;
    this.where = String.join(",", options.servers());
  }

  String deadLetterFilter() {
    return options.deadLetterSubjectPrefix() + ">";
  }

  /** Runs at connect: checks or creates both streams. */
  synchronized void initialise() {
    ensureDeadLetterStream();
    StreamInfo info = info(options.streamName());
    streamSubjects = info == null ? null : new ArrayList<>(info.getConfiguration().getSubjects());
    if (!options.subjects().isEmpty()) {
      ensureCovered(options.subjects());
    } else if (info == null && !options.createStreams()) {
      throw missing(options.streamName(), List.of("<your event subjects>"));
    }
  }

  /** Makes sure the event stream (or the dead-letter stream, for dead-letter subjects) stores {@code subject}. */
  void ensureSubject(String subject) {
    if (covered.contains(subject)) {
      return;
    }
    synchronized (this) {
      ensureCovered(List.of(subject));
    }
  }

  private void ensureCovered(Collection<String> subjects) {
    Set<String> missing = new LinkedHashSet<>();
    for (String subject : subjects) {
      if (covered.contains(subject)) {
        continue;
      }
      if (SubjectMatcher.matches(deadLetterFilter(), subject) || coveredByStream(subject)) {
        covered.add(subject);
      } else {
        missing.add(subject);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (!options.createStreams()) {
      if (streamSubjects == null) {
        throw missing(options.streamName(), missing);
      }
      throw Failures.streamMissing("stream " + options.streamName() + " on " + where
          + " does not store subject(s) " + missing + " (it stores " + streamSubjects + "): enable createStreams "
          + "or add them with `nats stream edit " + options.streamName() + " --subjects '"
          + String.join(",", union(streamSubjects, missing)) + "'`");
    }
    try {
      if (streamSubjects == null) {
        createEventStream(new ArrayList<>(missing));
      } else {
        updateSubjects(union(streamSubjects, missing));
      }
    } catch (IOException | JetStreamApiException e) {
      throw Failures.transportError("cannot make stream " + options.streamName() + " store " + missing + ": "
          + e.getMessage(), e);
    }
    covered.addAll(missing);
  }

  private boolean coveredByStream(String subject) {
    if (streamSubjects == null) {
      return false;
    }
    for (String filter : streamSubjects) {
      if (SubjectMatcher.matches(filter, subject)) {
        return true;
      }
    }
    return false;
  }

  private void createEventStream(List<String> subjects) throws IOException, JetStreamApiException {
    StreamConfiguration config = baseConfig(options.streamName(), subjects);
    try {
      StreamInfo info = jsm.addStream(config);
      streamSubjects = new ArrayList<>(info.getConfiguration().getSubjects());
      LOG.info("created stream {} with subjects {}", options.streamName(), streamSubjects);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
        throw e;
      }
      // another service created it a moment ago: merge our subjects into theirs
      StreamInfo info = jsm.getStreamInfo(options.streamName());
      streamSubjects = new ArrayList<>(info.getConfiguration().getSubjects());
      updateSubjects(union(streamSubjects, subjects));
    }
  }

  private void updateSubjects(List<String> subjects) throws IOException, JetStreamApiException {
    StreamInfo current = jsm.getStreamInfo(options.streamName());
    List<String> merged = union(current.getConfiguration().getSubjects(), subjects);
    StreamConfiguration config = StreamConfiguration.builder(current.getConfiguration()).subjects(merged).build();
    StreamInfo info = jsm.updateStream(config);
    streamSubjects = new ArrayList<>(info.getConfiguration().getSubjects());
    LOG.info("stream {} now stores subjects {}", options.streamName(), streamSubjects);
  }

  private void ensureDeadLetterStream() {
    String name = options.deadLetterStreamName();
    StreamInfo info = info(name);
    if (info != null) {
      if (!info.getConfiguration().getSubjects().contains(deadLetterFilter())) {
        if (!options.createStreams()) {
          throw Failures.streamMissing("stream " + name + " on " + where + " does not store " + deadLetterFilter()
              + " (it stores " + info.getConfiguration().getSubjects() + "): enable createStreams or add the "
              + "subject with `nats stream edit " + name + " --subjects '" + deadLetterFilter() + "'`");
        }
        try {
          jsm.updateStream(StreamConfiguration.builder(info.getConfiguration())
              .subjects(union(info.getConfiguration().getSubjects(), List.of(deadLetterFilter()))).build());
        } catch (IOException | JetStreamApiException e) {
          throw Failures.transportError("cannot add " + deadLetterFilter() + " to stream " + name + ": "
              + e.getMessage(), e);
        }
      }
      return;
    }
    if (!options.createStreams()) {
      throw missing(name, List.of(deadLetterFilter()));
    }
    try {
      jsm.addStream(baseConfig(name, List.of(deadLetterFilter())));
      LOG.info("created dead-letter stream {} with subjects {}", name, deadLetterFilter());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
        throw Failures.transportError("cannot create stream " + name + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw Failures.transportError("cannot create stream " + name + ": " + e.getMessage(), e);
    }
  }

  private StreamConfiguration baseConfig(String name, List<String> subjects) {
    StreamConfiguration.Builder b = StreamConfiguration.builder()
        .name(name)
        .subjects(subjects)
        .storageType(options.storage() == JetStreamOptions.Storage.FILE ? StorageType.File : StorageType.Memory)
        .replicas(options.replicas())
        .duplicateWindow(options.duplicateWindow());
    if (!options.maxAge().isZero()) {
      b.maxAge(options.maxAge());
    }
    return b.build();
  }

  private StreamInfo info(String name) {
    try {
      return jsm.getStreamInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND || e.getErrorCode() == 404) {
        return null;
      }
      throw Failures.transportError("cannot read stream " + name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw Failures.transportError("cannot read stream " + name + " (is JetStream enabled on " + where
          + "? start nats-server with -js): " + e.getMessage(), e);
    }
  }

  private RuntimeException missing(String stream, Collection<String> subjects) {
    String storage = options.storage() == JetStreamOptions.Storage.FILE ? "file" : "memory";
    return Failures.streamMissing("stream " + stream + " missing on " + where + " and createStreams is false: "
        + "enable createStreams or create it with `nats stream add " + stream + " --subjects '"
        + String.join(",", subjects) + "' --storage " + storage + " --dupe-window "
        + options.duplicateWindow().toSeconds() + "s --defaults`");
  }

  private static List<String> union(Collection<String> a, Collection<String> b) {
    LinkedHashSet<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  @Override
  public String toString() {
    return "StreamManager{" + options.streamName() + " " + streamSubjects + ", covered="
        + covered.stream().sorted().collect(Collectors.toList()) + "}";
  }
}
