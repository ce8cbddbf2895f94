package io.tonewatch.alerting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map in insertion order that forgets its oldest entry once it holds more than {@code maxSize}:
 * how the service remembers ids, sessions and counts without letting input grow its memory. Not
 * thread-safe; callers hold their own lock.
 */
public final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;

  private final int maxSize;

  public BoundedMap(int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be >= 1, was " + maxSize);
    }
    this.maxSize = maxSize;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > maxSize;
  }
}
