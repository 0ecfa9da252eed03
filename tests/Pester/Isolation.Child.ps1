# Runs in a fresh PowerShell process for Isolation.Tests.ps1 (not a test file itself):
# loads another copy of MimeKit and Pop3Tools in the order the case names, uses both,
# and writes what it saw to -ResultPath as JSON. Case CompileStandIn builds that copy
# from the C# in -ResultPath. Windows PowerShell 5.1-compatible.
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet('CompileStandIn', 'ModuleOnly', 'StandInFirst', 'ModuleFirst', 'ImportTwice')]
    [string] $Case,

    [Parameter(Mandatory = $true)]
    [string] $StandInPath,

    [Parameter(Mandatory = $true)]
    [string] $ResultPath,

    # Also list the lab mailbox (the POP3TOOLS_TEST_* settings come from the parent).
    [switch] $UseLab
)

$ErrorActionPreference = 'Stop'

# The stand-in must be an assembly named MimeKit. Windows PowerShell's Add-Type names it
# after the output file; PowerShell 7's gives it a random name, so there Roslyn (which
# PowerShell 7 ships for Add-Type) compiles it under the name MimeKit.
if ($Case -eq 'CompileStandIn') {
    if ($PSEdition -ne 'Core') {
        Add-Type -Path $ResultPath -OutputAssembly $StandInPath -OutputType Library
        return
    }
    Add-Type -TypeDefinition 'public static class Pop3ToolsLoadsRoslyn { }'
    $tree = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText([System.IO.File]::ReadAllText($ResultPath))
    $coreLibrary = [Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile([object].Assembly.Location)
    $options = New-Object Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions -ArgumentList ([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)
    $compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('MimeKit', [Microsoft.CodeAnalysis.SyntaxTree[]] @($tree), [Microsoft.CodeAnalysis.MetadataReference[]] @($coreLibrary), $options)
    $file = [System.IO.File]::Create($StandInPath)
    try {
        $emitted = $compilation.Emit($file)
    }
    finally {
        $file.Dispose()
    }
    if (-not $emitted.Success) {
        throw "The stand-in MimeKit did not compile: $($emitted.Diagnostics -join '; ')"
    }
    return
}

. (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
$manifest = Get-Pop3ToolsManifestPath
$result = [ordered]@{ Listings = @(); StandInGreetings = @(); ContextsNamedPop3Tools = 0 }

# MimeKit at work: Get-Pop3Message parses each message's headers with it, and
# Receive-Pop3Message whole messages (bodies, attachments).
function Get-LabListing {
    $session = Connect-Pop3TestSession -Lab (Get-Pop3TestLab)
    try {
        $headers = Get-Pop3Message -Session $session | ForEach-Object {
            '{0}|{1}|{2}|{3}' -f $_.Uid, $_.Subject, $_.From, $_.Date
        }
        $messages = Receive-Pop3Message -Session $session -All | ForEach-Object {
            $attachments = @($_.Attachments | ForEach-Object { '{0}:{1}' -f $_.FileName, $_.Size }) -join ','
            '{0}|{1}|{2}|{3}' -f $_.Uid, $_.Subject, $_.TextBody, $attachments
        }
        return ((@($headers) + @($messages)) -join "`n")
    }
    finally {
        Disconnect-Pop3 -Session $session -Discard
    }
}

function Use-Pop3Tools {
    if ($UseLab) {
        $script:result.Listings += Get-LabListing
    }
}

function Add-StandIn {
    Add-Type -Path $StandInPath
}

# The stand-in's own member: resolvable and callable only while that copy works.
function Use-StandIn {
    $script:result.StandInGreetings += [MimeKit.StandIn]::Greet()
}

switch ($Case) {
    'ModuleOnly' {
        Import-Module $manifest
        Use-Pop3Tools
    }
    'StandInFirst' {
        Add-StandIn
        Use-StandIn
        Import-Module $manifest
        Use-Pop3Tools
        Use-StandIn
    }
    'ModuleFirst' {
        Import-Module $manifest
        Use-Pop3Tools
        Add-StandIn
        Use-StandIn
        Use-Pop3Tools
    }
    'ImportTwice' {
        Import-Module $manifest
        Import-Module $manifest -Force
        Import-Module $manifest -Force
        Use-Pop3Tools
        $session = $null
        if ($UseLab) {
            $session = Connect-Pop3TestSession -Lab (Get-Pop3TestLab)
        }
        Remove-Module Pop3Tools
        # Remove-Module ran the module's cleanup: it closed the open session.
        $result.SessionOpenAfterRemove = ($null -ne $session -and $session.IsConnected)
        Import-Module $manifest
        Use-Pop3Tools
        $result.Exported = @((Get-Module Pop3Tools).ExportedCmdlets.Keys | Sort-Object)
        $result.Synopsis = (Get-Help Connect-Pop3).Synopsis
    }
}

# Every MimeKit and Pop3Tools.Engine the process holds, and which load context holds it.
$loaded = @()
foreach ($assembly in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName()
    if ($name.Name -ne 'MimeKit' -and $name.Name -ne 'Pop3Tools.Engine') {
        continue
    }
    $context = 'AppDomain'
    if ($PSEdition -eq 'Core') {
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
    }
    $loaded += [ordered]@{ Name = $name.Name; Version = $name.Version.ToString(); Location = $assembly.Location; Context = $context }
}
$result.Loaded = $loaded
if ($PSEdition -eq 'Core') {
    $result.ContextsNamedPop3Tools = @([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object { $_.Name -eq 'Pop3Tools' }).Count
}
ConvertTo-Json -InputObject $result -Depth 5 | Set-Content -Path $ResultPath -Encoding UTF8
