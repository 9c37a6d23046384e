package dev.convoy.agent.enroll;

/**
 * What the server answered; nothing in it is trusted until {@link Enroller} checked it.
 *
 * @param certificatePem the endpoint certificate
 * @param caCertificatePem the CA; its fingerprint must be the pinned one
 */
public record EnrollmentResponse(String endpointId, String certificatePem, String caCertificatePem, String group) {}
