// Directus's settings for console instances that share one Redis (the two-instance tests, the fault tests and the
// soak). Plain JavaScript, so that benchmarks can use it too.

/** The schedule lock and messages go through Redis, and the data cache is kept there and purged on every write. */
export function redisStoresEnv() {
  return { SYNCHRONIZATION_STORE: 'redis', CACHE_ENABLED: 'true', CACHE_STORE: 'redis', CACHE_AUTO_PURGE: 'true' };
}

/** Every Redis key space Directus uses, under `namespace`, so parallel runs and other Redis users never meet. */
export function redisNamespaceEnv(namespace) {
  return {
    SYNCHRONIZATION_NAMESPACE: `${namespace}:sync`,
    CACHE_NAMESPACE: `${namespace}:cache`,
    REDIS_BUS_NAMESPACE: `${namespace}:bus`,
    REDIS_LOCK_NAMESPACE: `${namespace}:lock`,
    REDIS_COUNTERS_NAMESPACE: `${namespace}:counters`,
    REDIS_PERMISSIONS_NAMESPACE: `${namespace}:permissions`,
  };
}
