package dev.r58ctl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A bounded history, oldest first: the newest {@code capacity} items, for sparklines and test reports. */
public final class RecentItems<T> {
    private final int capacity;
    private final ArrayDeque<T> items;

    public RecentItems(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    public synchronized void add(T item) {
        if (items.size() == capacity) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    public synchronized List<T> all() {
        return new ArrayList<>(items);
    }

    /** The newest {@code n} items, oldest first. */
    public synchronized List<T> last(int n) {
        List<T> all = new ArrayList<>(items);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** Replaces the newest item matching {@code which}; adds {@code item} when none does. */
    public synchronized void replaceLast(Predicate<T> which, T item) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if (which.test(copy.get(i))) {
                copy.set(i, item);
                items.clear();
                items.addAll(copy);
                return;
            }
        }
        add(item);
    }

    public synchronized T newest() {
        return items.peekLast();
    }

    public synchronized int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }
}
