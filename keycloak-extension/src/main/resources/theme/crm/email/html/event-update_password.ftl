<#import "crm-layout.ftl" as layout>
<#setting time_zone="UTC">
<@layout.email title=msg("eventUpdatePasswordSubject")>
  <p style="margin:0 0 16px;">${msg("crmGreeting", user.firstName!user.username)}</p>
  <p style="margin:0 0 16px;">${msg("crmPasswordChanged", event.date?datetime?string("d MMM yyyy, HH:mm"), event.ipAddress!"")}</p>
  <p style="margin:0;padding:12px 16px;background:#fdecea;border-radius:6px;">${msg("crmPasswordChangedNotYou")}</p>
</@layout.email>
