/** Settings → User Management → Users: the users list and a user's profile with "Send Reset Link". */
package com.example.crm.interfaces.web.settings.users;
