<#ftl output_format="plainText">
<#import "../html/crm-expiry.ftl" as expiry>
${msg("crmGreeting", user.firstName!user.username)}

${msg("crmSelfResetIntro")}

${msg("crmResetButton")}:
${link}

${msg("crmResetExpiry", linkExpirationFormatter(linkExpiration), expiry.expiresAt(linkExpiration))}

${msg("crmSelfNotYou")}

--
${msg("crmContact", properties.contactEmail)}
