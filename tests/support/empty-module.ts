// Stands in for the `server-only` marker package under vitest and the command-line scripts,
// which are trusted server code (the marker throws outside Next's react-server build).
export {};
