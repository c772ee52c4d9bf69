// Tests read and break the built payloads freely, field by field, so they see them loosely typed.

// biome-ignore lint/suspicious/noExplicitAny: a test reads GitHub's JSON freely
export type Loose = Record<string, any>;
