// Stands in for the "server-only" package under vitest (which does not run React's server condition).
export {};
