/** The admin pages' shared pieces: the layout's header, time formatting and the user-facing messages. */
package com.example.crm.interfaces.web;
