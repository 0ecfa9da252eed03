@{
    RootModule             = 'bin/Pop3Tools.psm1'
    ModuleVersion          = '0.1.0'
    GUID                   = '1b60fbe9-a1dc-40ff-b3cf-0a1f0a1263a8'
    Author                 = 'Pop3Tools authors'
    CompanyName            = 'Pop3Tools'
    Copyright              = '(c) 2026 The Pop3Tools authors. MIT License.'
    Description            = 'POP3 mailbox administration: troubleshoot a server''s host, port, TLS and authentication settings, list what a mailbox holds, export it in bulk and purge it by script.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('bin/Pop3Tools.format.ps1xml')
    CmdletsToExport        = @('Connect-Pop3', 'Disconnect-Pop3', 'Get-Pop3Message', 'Get-Pop3Session', 'Receive-Pop3Message', 'Remove-Pop3Message', 'Test-Pop3Server')
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('PSEdition_Desktop', 'PSEdition_Core', 'POP3', 'Mail', 'Email', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/pop3tools/Pop3Tools'
            LicenseUri   = 'https://github.com/pop3tools/Pop3Tools/blob/main/LICENSE'
            ReleaseNotes = 'First release: Connect-Pop3, Disconnect-Pop3, Get-Pop3Session, Get-Pop3Message, Receive-Pop3Message, Remove-Pop3Message and Test-Pop3Server. Sessions per runspace, TLS and certificate validation by default, exports saved durably before any message is marked for deletion, deletions committed only by Disconnect-Pop3.'
        }
    }
}
