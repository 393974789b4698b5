<#-- When a link sent now with this lifespan (minutes) stops working, as an absolute time in UTC. -->
<#function expiresAt minutes>
  <#setting time_zone="UTC">
  <#return (.now?long + minutes * 60000)?number_to_datetime?string("d MMM yyyy, HH:mm 'UTC'")>
</#function>
