package dev.convoy.server.pki;

/** Whom a certificate names: an endpoint (by id) or a person (by name). */
public record CertificateSubject(Kind kind, String name) {
  public enum Kind { ENDPOINT, PERSON }
}
