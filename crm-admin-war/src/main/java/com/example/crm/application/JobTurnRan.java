package com.example.crm.application;

/** This instance claimed and ran one turn of a scheduled job (whether or not the turn succeeded). */
public record JobTurnRan(String job) {
}
