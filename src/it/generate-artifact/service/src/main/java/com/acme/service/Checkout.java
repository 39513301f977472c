package com.acme.service;

import com.acme.events.OrderCompleted;

/** A service that tracks an order with the event class from the schema artifact. */
public final class Checkout {

    private Checkout() {}

    public static String completed(String orderId, double total) {
        return OrderCompleted.builder().orderId(orderId).revenue(total).coupon(null).build().toJson();
    }
}
