<#ftl output_format="plainText">
<#import "../html/crm-expiry.ftl" as expiry>
${msg("crmGreeting", user.firstName!user.username)}

${msg("crmResetIntro")}

${msg("crmResetButton")}:
${link}

${msg("crmResetExpiry", linkExpirationFormatter(linkExpiration), expiry.expiresAt(linkExpiration))}

${msg("crmNotYou")}

--
${msg("crmContact", properties.contactEmail)}
