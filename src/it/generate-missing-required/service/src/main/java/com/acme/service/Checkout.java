package com.acme.service;

import com.acme.events.OrderCompleted;

/** Forgets the required revenue: the step builder has no build() before it, so this does not compile. */
public final class Checkout {

    private Checkout() {}

    public static String completed(String orderId) {
        return OrderCompleted.builder().orderId(orderId).build().toJson();
    }
}
