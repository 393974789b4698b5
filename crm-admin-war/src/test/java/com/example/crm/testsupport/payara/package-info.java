/** One Payara Micro for all Arquillian tests of a build, instead of one per test class. */
package com.example.crm.testsupport.payara;
