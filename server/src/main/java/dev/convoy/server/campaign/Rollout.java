package dev.convoy.server.campaign;

/** All targets at once (BIG_BANG) or in gated waves (PHASED). */
public enum Rollout { BIG_BANG, PHASED }
