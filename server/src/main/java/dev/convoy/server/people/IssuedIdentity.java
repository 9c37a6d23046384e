package dev.convoy.server.people;

import dev.convoy.server.enrollment.IssuedCertificate;

/**
 * A person certificate just issued, and the person as registered after it.
 *
 * @param reissued true when the person existed and this certificate was added to theirs
 */
public record IssuedIdentity(Person person, IssuedCertificate certificate, boolean reissued) {}
