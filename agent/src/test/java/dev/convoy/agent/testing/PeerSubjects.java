package dev.convoy.agent.testing;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Records the client-certificate subject of every call ("none" without one), to prove which identity was used. */
public final class PeerSubjects implements ServerInterceptor {
  public final List<String> subjects = new CopyOnWriteArrayList<>();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    String subject = "none";
    try {
      if (session != null) {
        subject = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
      }
    } catch (SSLPeerUnverifiedException e) {
      subject = "none";
    }
    subjects.add(call.getMethodDescriptor().getBareMethodName() + " " + subject);
    return next.startCall(call, headers);
  }
}
