package dev.convoy.server.campaign;

/** Who decides when: IT (PUSH) or the user from the self-service catalogue (PULL). */
public enum Delivery { PUSH, PULL }
