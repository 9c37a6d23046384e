package dev.convoy.server.enrollment;

/** A newly created token: {@code text} holds the secret and is shown once; {@code token} is what was stored. */
public record IssuedToken(String text, EnrollmentToken token) {}
