# Run by Secrets.Tests.ps1 in a fresh PowerShell, so that its console, its transcripts and
# $Error hold this run only. For each login method: a full session and a failed login, every
# cmdlet with -Verbose and -Debug, and everything a user or a log could see written as text
# under -OutputPath/<method>/<step>.<what>.txt. The secrets come from the lab settings in the
# environment, never from the command line: a transcript's header shows the command line.
# Windows PowerShell 5.1-compatible.
param(
    [Parameter(Mandatory = $true)]
    [string] $OutputPath
)

$ErrorActionPreference = 'Continue'
. (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
$null = Import-Pop3ToolsModule
$lab = Get-Pop3TestLab
$secrets = Get-Pop3TestSecrets
$newLine = [Environment]::NewLine

function Write-Seen {
    param([string] $Directory, [string] $Name, [string[]] $Text)
    Set-Content -LiteralPath (Join-Path $Directory ($Name + '.txt')) -Value ($Text -join $newLine) -Encoding UTF8
}

# An exception and all its inner ones: message, stack and every property (Hint, ServerText, Data).
function Format-ExceptionChain {
    param([Exception] $Exception)
    $text = @('Exception.ToString(): ' + $Exception.ToString())
    while ($null -ne $Exception) {
        $text += ($Exception | Format-List -Property * -Force | Out-String -Width 250)
        $Exception = $Exception.InnerException
    }
    $text
}

function Format-ErrorRecord {
    param([System.Management.Automation.ErrorRecord] $Record, [switch] $Deep)
    $text = @(
        'ToString(): ' + $Record.ToString()
        'FullyQualifiedErrorId: ' + $Record.FullyQualifiedErrorId
        'CategoryInfo: ' + $Record.CategoryInfo.ToString()
        'ScriptStackTrace: ' + $Record.ScriptStackTrace
        'TargetObject: ' + ($Record.TargetObject | Out-String -Width 250)
        'TargetObject as JSON: ' + (ConvertTo-Json -InputObject $Record.TargetObject -Depth 5 -WarningAction SilentlyContinue)
        'As the console shows it: ' + ($Record | Out-String -Width 250)
        'Every property: ' + ($Record | Format-List -Property * -Force | Out-String -Width 250)
    )
    if ($null -ne $Record.ErrorDetails) {
        $text += 'ErrorDetails: ' + $Record.ErrorDetails.Message + ' / ' + $Record.ErrorDetails.RecommendedAction
    }
    if ($null -ne $Record.InvocationInfo) {
        $text += 'InvocationInfo: ' + ($Record.InvocationInfo | Format-List -Property * -Force | Out-String -Width 250)
        $text += 'PositionMessage: ' + $Record.InvocationInfo.PositionMessage
    }
    $text += Format-ExceptionChain $Record.Exception
    # The slow views only for the $Error entries, which hold the same records as the streams.
    # Depth 3 for JSON: at 5 it walks from the exception into reflection (TargetSite), 2.7 MB
    # and seconds per record, and no deeper level holds anything of the module's own.
    if ($Deep) {
        $text += 'JSON: ' + (ConvertTo-Json -InputObject $Record -Depth 3 -WarningAction SilentlyContinue)
        # PowerShell 7's full dump of the record, as a user asks for it after a failure.
        if ($null -ne (Get-Command -Name Get-Error -ErrorAction SilentlyContinue)) {
            $text += ($Record | Get-Error | Out-String -Width 250)
        }
    }
    $text
}

# Every entry of $Error: records, and the bare exceptions PowerShell sometimes keeps there.
function Format-ErrorVariable {
    param([string] $ClixmlPath)
    Export-Clixml -InputObject $global:Error -Path $ClixmlPath -Depth 3
    $text = @('CliXml: ' + (Get-Content -LiteralPath $ClixmlPath -Raw))
    foreach ($entry in $global:Error) {
        if ($entry -is [System.Management.Automation.ErrorRecord]) {
            $text += Format-ErrorRecord $entry -Deep
        }
        else {
            $text += Format-ExceptionChain $entry
        }
    }
    $text
}

# An output object as every view and serializer shows it.
function Format-Output {
    param($Object, [string] $ClixmlPath)
    Export-Clixml -InputObject $Object -Path $ClixmlPath -Depth 5
    @(
        'Default view: ' + ($Object | Out-String -Width 250)
        'Every property: ' + ($Object | Format-List -Property * -Force | Out-String -Width 250)
        'ToString(): ' + (@($Object | ForEach-Object { $_.ToString() }) -join $newLine)
        'JSON: ' + (ConvertTo-Json -InputObject $Object -Depth 5 -WarningAction SilentlyContinue)
        'CliXml: ' + (Get-Content -LiteralPath $ClixmlPath -Raw)
    )
}

# A record of any stream, or an exception from -ErrorVariable, as text.
function Format-Record {
    param($Record)
    if ($Record -is [System.Management.Automation.ErrorRecord]) {
        return Format-ErrorRecord $Record
    }
    if ($Record -is [Exception]) {
        # -ErrorVariable keeps a terminating error as the exception that carries its record.
        $text = @(Format-ExceptionChain $Record)
        if ($Record -is [System.Management.Automation.IContainsErrorRecord]) {
            $text += Format-ErrorRecord $Record.ErrorRecord
        }
        return $text
    }
    if ($Record -is [System.Management.Automation.InformationRecord]) {
        return 'Information [' + ($Record.Tags -join ',') + '] from ' + $Record.Source + ': ' + $Record.MessageData
    }
    $Record.GetType().Name + ': ' + $Record.Message
}

function Test-Record {
    param($Item)
    $Item -is [System.Management.Automation.ErrorRecord] -or $Item -is [System.Management.Automation.InformationRecord] -or
        $Item -is [System.Management.Automation.InformationalRecord]
}

# *>& cannot redirect progress: a session of its own in a runspace of its own, whose
# progress records PowerShell keeps, exports the mailbox (the path that reports progress).
function Get-ExportProgress {
    param([hashtable] $Login, [string] $Method, [string] $Folder)
    $nested = [powershell]::Create()
    try {
        $export = {
            param($Manifest, $Where, $Login, $Method, $Folder)
            Import-Module -Name $Manifest
            $session = Connect-Pop3 @Where @Login -Authentication $Method
            $null = Receive-Pop3Message -Session $session -All -Path $Folder
            Disconnect-Pop3 -Session $session
        }
        $null = $nested.AddScript($export.ToString()).AddParameters(@{
            Manifest = Get-Pop3ToolsManifestPath; Where = $where; Login = $Login; Method = $Method; Folder = $Folder }).Invoke()
        @($nested.Streams.Progress | ForEach-Object { $_.Activity + ' | ' + $_.StatusDescription + ' | ' + $_.CurrentOperation })
        @($nested.Streams.Error | ForEach-Object { $_.ToString() })
    }
    finally {
        $nested.Dispose()
    }
}

# Runs one step with every stream captured (*>&1, and -ErrorVariable, -WarningVariable and
# -InformationVariable, which the steps pass through $watch), shows the records on the
# console as PowerShell renders them (the transcript records that), writes all of it down
# and returns the step's output objects.
function Invoke-Step {
    param([string] $Directory, [string] $Name, [scriptblock] $Step)
    $ev = $null; $wv = $null; $iv = $null
    $captured = @(. $Step *>&1)
    $captured | Out-Host
    $records = @($captured | Where-Object { Test-Record $_ })
    $output = @($captured | Where-Object { -not (Test-Record $_) })
    $seen = @($records | ForEach-Object { Format-Record $_ })
    if ($output.Count -gt 0) {
        # All of a step's objects at once: one call per view is much cheaper than one per object.
        $seen += Format-Output $output (Join-Path $Directory "$Name.clixml")
    }
    Write-Seen $Directory "$Name.streams" $seen
    $variables = @(@($ev) + @($wv) + @($iv) | Where-Object { $null -ne $_ } | ForEach-Object { Format-Record $_ })
    Write-Seen $Directory "$Name.variables" $variables
    $output
}

$watch = @{ Verbose = $true; Debug = $true; ErrorVariable = 'ev'; WarningVariable = 'wv'; InformationVariable = 'iv' }
$where = @{ Server = $lab.Server; Port = $lab.Port; Security = 'StartTls'; CertificateThumbprint = $lab.Thumbprint }
$passwordMethods = 'UserPass', 'Apop', 'Plain', 'Login', 'CramMd5', 'ScramSha1', 'ScramSha256'
$tokenMethods = 'XOAuth2', 'OAuthBearer'

foreach ($method in $passwordMethods + $tokenMethods) {
    $directory = (New-Item -ItemType Directory -Path (Join-Path $OutputPath $method)).FullName
    $mailFolder = Join-Path $directory 'mail'
    $progressFolder = Join-Path $directory 'mail-progress'
    $null = New-Item -ItemType Directory -Path $mailFolder, $progressFolder
    $Error.Clear()
    $null = Start-Transcript -LiteralPath (Join-Path $directory 'transcript.txt')

    if ($passwordMethods -contains $method) {
        $login = @{ Credential = New-Pop3TestCredential -UserName $secrets.User -Password $secrets.Password }
        $wrongLogin = @{ Credential = New-Pop3TestCredential -UserName $secrets.User -Password $secrets.WrongPassword }
    }
    else {
        $login = @{ UserName = $secrets.OAuthUser; AccessToken = (ConvertTo-SecureString -String $secrets.Token -AsPlainText -Force) }
        $wrongLogin = @{ UserName = $secrets.OAuthUser; AccessToken = (ConvertTo-SecureString -String $secrets.WrongToken -AsPlainText -Force) }
    }

    $session = @(Invoke-Step $directory 'connect' { Connect-Pop3 @where @login -Authentication $method @watch })[0]
    $null = Invoke-Step $directory 'list' { Get-Pop3Message -Session $session @watch }
    $null = Invoke-Step $directory 'receive' { Receive-Pop3Message -Session $session -Number 1, 2 @watch }
    $null = Invoke-Step $directory 'receive-path' { Receive-Pop3Message -Session $session -Number 1, 2 -Path $mailFolder @watch }
    $null = Invoke-Step $directory 'remove-whatif' { Remove-Pop3Message -Session $session -Number 1 -WhatIf @watch }
    $null = Invoke-Step $directory 'get-session' { Get-Pop3Session @watch }
    $null = Invoke-Step $directory 'disconnect' { Disconnect-Pop3 -Session $session -PassThru @watch }
    Write-Seen $directory 'session-after' (Format-Output $session (Join-Path $directory 'session-after.clixml'))
    Write-Seen $directory 'export-progress' (Get-ExportProgress $login $method $progressFolder)
    $null = Invoke-Step $directory 'failed-login' { Connect-Pop3 @where @wrongLogin -Authentication $method @watch }

    # What the saved mail looks like on disk: names and contents.
    $files = @(Get-ChildItem -LiteralPath $mailFolder -Recurse -File)
    Write-Seen $directory 'mail-folder' (@($files | ForEach-Object { $_.FullName + $newLine + (Get-Content -LiteralPath $_.FullName -Raw) }))

    $null = Stop-Transcript
    Write-Seen $directory 'error-variable' (Format-ErrorVariable (Join-Path $directory 'error-variable.clixml'))
}

# The control: the secret written down the same way, which the hunt must find.
$directory = (New-Item -ItemType Directory -Path (Join-Path $OutputPath 'Canary')).FullName
$plain = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes([string][char]0 + $secrets.User + [char]0 + $secrets.Password))
Write-Seen $directory 'canary' @('PASS ' + $secrets.Password, 'AUTH PLAIN ' + $plain, (ConvertTo-Json -InputObject @{ Password = $secrets.Password }))

# Test-Pop3Server logs in too when given a credential. -Debug would make its debug lines
# prompt (Inquire), so the preference shows them instead.
$directory = (New-Item -ItemType Directory -Path (Join-Path $OutputPath 'Test-Pop3Server')).FullName
$Error.Clear()
$null = Start-Transcript -LiteralPath (Join-Path $directory 'transcript.txt')
$DebugPreference = 'Continue'
$probe = @{ Server = $lab.Server; Port = $lab.Port; CertificateThumbprint = $lab.Thumbprint; Verbose = $true;
    ErrorVariable = 'ev'; WarningVariable = 'wv'; InformationVariable = 'iv' }
$right = New-Pop3TestCredential -UserName $secrets.User -Password $secrets.Password
$wrong = New-Pop3TestCredential -UserName $secrets.User -Password $secrets.WrongPassword
$null = Invoke-Step $directory 'probe' { Test-Pop3Server @probe -Credential $right }
$null = Invoke-Step $directory 'failed-probe' { Test-Pop3Server @probe -Credential $wrong }
$DebugPreference = 'SilentlyContinue'
$null = Stop-Transcript
Write-Seen $directory 'error-variable' (Format-ErrorVariable (Join-Path $directory 'error-variable.clixml'))
