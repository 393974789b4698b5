<#-- When the link stops working, as an absolute time in UTC: the expiry the policy enforces when the
     extension's email provider states it, otherwise now plus the lifespan (minutes) Keycloak passed. -->
<#function expiresAt minutes>
  <#setting time_zone="UTC">
  <#local millis = linkExpiresAtMillis!(.now?long + minutes * 60000)>
  <#return millis?number_to_datetime?string("d MMM yyyy, HH:mm 'UTC'")>
</#function>
