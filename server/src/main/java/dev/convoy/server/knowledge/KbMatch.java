package dev.convoy.server.knowledge;

/**
 * A KB article found by a search, with how well it matched.
 *
 * @param entry the article
 * @param score higher is better: 3 per query word in the title, 1 per word found only in the text
 * @param excerpt the first line of the text holding a query word (bounded), or empty
 */
public record KbMatch(KbEntry entry, int score, String excerpt) {}
