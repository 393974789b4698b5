<#-- The frame of every CRM email: brand header, the content, who to contact. Inline styles, as mail clients want. -->
<#macro email title>
<html lang="${locale.language}">
<head><meta charset="UTF-8"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f6f9;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1d2733;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f9;padding:24px 0;">
  <tr><td align="center">
    <table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #dde3ea;border-radius:8px;">
      <tr><td style="background:${properties.brandColour};border-radius:8px 8px 0 0;padding:18px 28px;color:#ffffff;font-size:20px;font-weight:700;">
        &#9632; ${msg("crmProductName")}
      </td></tr>
      <tr><td style="padding:28px;font-size:15px;line-height:1.6;">
        <#nested>
      </td></tr>
      <tr><td style="padding:16px 28px;border-top:1px solid #dde3ea;color:#5f6b7a;font-size:13px;line-height:1.5;">
        ${msg("crmContact", properties.contactEmail)}
      </td></tr>
    </table>
  </td></tr>
</table>
</body>
</html>
</#macro>
