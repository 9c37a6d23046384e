package dev.convoy.server.enrollment;

import java.time.Instant;

/** A certificate issued to an endpoint, with the CA certificate the agent pins and the facts the registry keeps. */
public record IssuedCertificate(String certificatePem, String caCertificatePem, String serialHex, Instant notAfter) {}
