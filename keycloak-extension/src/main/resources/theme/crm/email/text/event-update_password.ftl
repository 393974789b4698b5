<#ftl output_format="plainText">
<#setting time_zone="UTC">
${msg("crmGreeting", user.firstName!user.username)}

${msg("crmPasswordChanged", event.date?datetime?string("d MMM yyyy, HH:mm"), event.ipAddress!"")}

${msg("crmPasswordChangedNotYou")}

--
${msg("crmContact", properties.contactEmail)}
