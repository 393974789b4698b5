/** Bulk reset runs: one admin's "Send Reset Link" to many users, with each user's outcome kept. */
package com.example.crm.domain.model.bulk;
