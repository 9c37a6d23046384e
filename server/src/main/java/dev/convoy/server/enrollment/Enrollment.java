package dev.convoy.server.enrollment;

/** The result of a successful enrollment: the new endpoint's id, its certificate, the CA, and its group. */
public record Enrollment(String endpointId, String certificatePem, String caCertificatePem, String group) {}
