<#-- Keycloak v2's update-password form, with the realm's password rules stated above the fields. -->
<#import "template.ftl" as layout>
<#import "password-commons.ftl" as passwordCommons>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "password-validation.ftl" as validator>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
    <#if section = "header">
        ${msg("updatePasswordTitle")}
    <#elseif section = "form">
        <div id="crm-password-rules" class="crm-password-rules">
            <p>${msg("crmPasswordRulesTitle")}</p>
            <ul>
                <#if passwordPolicies.length?? && passwordPolicies.maxLength??>
                    <li>${msg("crmPasswordRuleLength", passwordPolicies.length?c, passwordPolicies.maxLength?c)}</li>
                <#elseif passwordPolicies.length??>
                    <li>${msg("crmPasswordRuleMinLength", passwordPolicies.length?c)}</li>
                </#if>
                <#if passwordPolicies.notUsername || passwordPolicies.notEmail>
                    <li>${msg("crmPasswordRuleNotUsername")}</li>
                </#if>
                <#-- Keycloak does not tell templates about the list; the realm the product ships always has it. -->
                <li>${msg("crmPasswordRuleNotCommon")}</li>
                <#if passwordPolicies.passwordHistory??>
                    <li>${msg("crmPasswordRuleHistory", passwordPolicies.passwordHistory?c)}</li>
                </#if>
            </ul>
            <p>${msg("crmPasswordRulesHint")}</p>
        </div>
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />

            <div class="${properties.kcFormGroupClass!}">
                <@passwordCommons.logoutOtherSessions/>
            </div>

            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>

        <@validator.templates/>
        <@validator.script field="password-new"/>
    </#if>
</@layout.registrationLayout>
