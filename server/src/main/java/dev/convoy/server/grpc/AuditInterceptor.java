package dev.convoy.server.grpc;

import dev.convoy.server.audit.AuditLog;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends an audit entry for every AdminService call that changed something ({@link AuditRules}), after the
 * change succeeded and before the caller hears OK: a caller that saw success can count on the entry. Runs inside
 * the {@link AuthInterceptor} (it needs the caller). Failed calls change nothing and are not recorded.
 *
 * <p>The entry is its own batch, committed just after the change's: a crash between the two loses the entry (the
 * change is durable). Actions whose domain service takes the audit log append in the change's own batch instead
 * ({@link AuditRules#AUDITED_IN_DOMAIN}). Thread-safe.
 */
public final class AuditInterceptor implements ServerInterceptor {
  private static final Logger logger = LoggerFactory.getLogger(AuditInterceptor.class);

  private final AuditLog audit;

  public AuditInterceptor(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    AuditRules.Rule rule = AuditRules.rules().get(call.getMethodDescriptor().getFullMethodName());
    if (rule == null) {
      return next.startCall(call, headers);
    }
    Principal caller = Principal.CONTEXT_KEY.get();
    Recording<Q, R> recording = new Recording<>(call, rule, caller == null ? "?" : caller.subject());
    return new SimpleForwardingServerCallListener<>(next.startCall(recording, headers)) {
      @Override
      public void onMessage(Q message) {
        recording.request(message);
        super.onMessage(message);
      }
    };
  }

  private final class Recording<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private final AuditRules.Rule rule;
    private final String actor;
    private volatile Object request;
    private volatile Object response;

    Recording(ServerCall<Q, R> call, AuditRules.Rule rule, String actor) {
      super(call);
      this.rule = rule;
      this.actor = actor;
    }

    void request(Object message) {
      if (request == null) {
        request = message; // a client stream (PublishRelease) opens with its header
      }
    }

    @Override
    public void sendMessage(R message) {
      response = message;
      super.sendMessage(message);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      if (status.isOk() && response != null) {
        try {
          audit.append(rule.event(actor, request, response));
        } catch (RuntimeException e) {
          logger.error("audit append failed method={} actor={} reason={}",
              getMethodDescriptor().getFullMethodName(), actor, e.toString(), e);
        }
      }
      super.close(status, trailers);
    }
  }
}
