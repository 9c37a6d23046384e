package dev.convoy.server.campaign;

/** The agent installs unattended (AUTOMATIC) or waits for a technician at the endpoint (TECHNICIAN). */
public enum Execution { AUTOMATIC, TECHNICIAN }
