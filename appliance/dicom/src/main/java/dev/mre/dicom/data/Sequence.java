// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The items of an SQ element. Exists so that items know their parent data set: an item without
 * its own Specific Character Set inherits the parent's (PS3.5 7.5.3).
 */
public final class Sequence extends ArrayList<Attributes> {
    private final transient Attributes parent;

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    public Attributes parent() { return parent; }

    /** Appends and returns a new empty item. */
    public Attributes addItem() {
        Attributes item = new Attributes();
        add(item);
        return item;
    }

    @Override
    public boolean add(Attributes item) {
        item.setParent(parent);
        return super.add(item);
    }

    @Override
    public void add(int index, Attributes item) {
        item.setParent(parent);
        super.add(index, item);
    }

    @Override
    public Attributes set(int index, Attributes item) {
        item.setParent(parent);
        return super.set(index, item);
    }

    @Override
    public boolean addAll(Collection<? extends Attributes> items) {
        for (Attributes item : items) add(item);
        return !items.isEmpty();
    }

    @Override
    public boolean equals(Object o) { return super.equals(o); }

    @Override
    public int hashCode() { return super.hashCode(); }
}
