/**
 * What the plan, concertations, follow-up, closure, purge and access right take from the core of the module (issue
 * 18 items 1–3 and 8): the case and its access rule, the read log, the sealing of contents. One file, so that these
 * use cases name the core in one place.
 */
export {};
