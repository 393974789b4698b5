<#-- The email of "Forgot password?": the reset email's design, in words for a reset the user asked for. -->
<#import "crm-layout.ftl" as layout>
<#import "crm-expiry.ftl" as expiry>
<@layout.email title=msg("passwordResetSubject")>
  <p style="margin:0 0 16px;">${msg("crmGreeting", user.firstName!user.username)}</p>
  <p style="margin:0 0 24px;">${msg("crmSelfResetIntro")}</p>
  <p style="margin:0 0 24px;text-align:center;">
    <a href="${link}" style="display:inline-block;background:${properties.brandColour};color:#ffffff;padding:12px 28px;border-radius:6px;text-decoration:none;font-weight:600;font-size:16px;">${msg("crmResetButton")}</a>
  </p>
  <p style="margin:0 0 16px;"><strong>${msg("crmResetExpiry", linkExpirationFormatter(linkExpiration), expiry.expiresAt(linkExpiration))}</strong></p>
  <p style="margin:0 0 16px;color:#5f6b7a;font-size:13px;">${msg("crmResetFallback")}<br><a href="${link}" style="color:${properties.brandColour};word-break:break-all;">${link}</a></p>
  <p style="margin:0;padding:12px 16px;background:#fff4e5;border-radius:6px;">${msg("crmSelfNotYou")}</p>
</@layout.email>
