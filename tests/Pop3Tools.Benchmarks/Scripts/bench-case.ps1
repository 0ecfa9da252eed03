# One measured call of a Pop3Tools cmdlet in a fresh PowerShell: import, untimed calls on a
# small warm-up mailbox until the JIT has settled (so the timed call does not pay for compiling
# the code path), then the timed one. Prints one line "BENCH-RESULT <json>" with the phases in seconds (and the CPU seconds of
# the cmdlet call, all threads, which a loaded machine inflates less than wall time) and the peak RSS of
# this very process (VmHWM: a fresh process per case, so nothing earlier inflates it).
# The password comes from the environment so it never shows in a process list.
param(
    [Parameter(Mandatory = $true)][ValidateSet('Export', 'Objects', 'Listing')][string]$Case,
    [Parameter(Mandatory = $true)][string]$Manifest,
    [Parameter(Mandatory = $true)][string]$Server,
    [Parameter(Mandatory = $true)][int]$Port,
    [Parameter(Mandatory = $true)][string]$User,
    [Parameter(Mandatory = $true)][string]$WarmUpUser,
    [string]$Path,
    [string]$WarmUpPath,
    [long]$LaunchedAtMs = 0
)
$startedAtMs = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
$ErrorActionPreference = 'Stop'

function Get-PeakRssKiB {
    $line = Get-Content -LiteralPath "/proc/$PID/status" | Where-Object { $_ -like 'VmHWM:*' }
    [long]($line -replace '[^0-9]', '')
}

function Connect-Bench([string]$Name) {
    $secret = ConvertTo-SecureString $env:BENCH_POP3_PASSWORD -AsPlainText -Force
    $credential = New-Object System.Management.Automation.PSCredential($Name, $secret)
    # Plain POP3 on loopback: the protocol path is measured, not TLS (which every client would pay alike).
    Connect-Pop3 -Server $Server -Port $Port -Credential $credential -Security None -AllowInsecureAuthentication
}

function Invoke-Case($Session, [string]$Target) {
    switch ($Case) {
        'Listing' { Get-Pop3Message -Session $Session | Measure-Object }
        'Export' { Receive-Pop3Message -Session $Session -All -Path $Target | Measure-Object }
        'Objects' { Receive-Pop3Message -Session $Session -All | Measure-Object }
    }
}

$clock = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$import = $clock.Elapsed.TotalSeconds

if ($Case -ne 'Listing' -and -not (Get-Command Receive-Pop3Message -Module Pop3Tools -ErrorAction SilentlyContinue)) {
    'BENCH-RESULT ' + (@{ skipped = 'Receive-Pop3Message is not exported by this build of the module' } | ConvertTo-Json -Compress)
    return
}

# A warm process, as in a session that has already listed or exported a mailbox or two.
# pwsh from the .NET tool ships without ReadyToRun code, so for seconds after start the JIT
# recompiles PowerShell's own hot paths (and ours) in the background, on the same two cores
# the timed call needs. Three untimed calls on the small mailbox, then a wait until the
# process is idle (under 10 ms of CPU in 250 ms, at most 10 s).
$clock.Restart()
for ($i = 0; $i -lt 3; $i++) {
    $warm = Connect-Bench $WarmUpUser
    $null = Invoke-Case $warm (Join-Path $WarmUpPath $i)
    Disconnect-Pop3 -Session $warm
}
$self = [System.Diagnostics.Process]::GetCurrentProcess()
$idleBy = [DateTime]::UtcNow.AddSeconds(10)
do {
    $self.Refresh()
    $before = $self.TotalProcessorTime.TotalMilliseconds
    Start-Sleep -Milliseconds 250
    $self.Refresh()
} while (($self.TotalProcessorTime.TotalMilliseconds - $before) -ge 10 -and [DateTime]::UtcNow -lt $idleBy)
$warmUp = $clock.Elapsed.TotalSeconds
$baseline = Get-PeakRssKiB

$clock.Restart()
$session = Connect-Bench $User
$connect = $clock.Elapsed.TotalSeconds
$self.Refresh()
$cpuBefore = $self.TotalProcessorTime.TotalSeconds
$clock.Restart()
$measure = Invoke-Case $session $Path
$cmdlet = $clock.Elapsed.TotalSeconds
$self.Refresh()
$cmdletCpu = $self.TotalProcessorTime.TotalSeconds - $cpuBefore
$clock.Restart()
Disconnect-Pop3 -Session $session
$disconnect = $clock.Elapsed.TotalSeconds

$startup = 0.0
if ($LaunchedAtMs -gt 0) { $startup = ($startedAtMs - $LaunchedAtMs) / 1000.0 }
$result = @{
    startup    = $startup
    import     = $import
    warmup     = $warmUp
    connect    = $connect
    cmdlet     = $cmdlet
    cmdletCpu  = $cmdletCpu
    disconnect = $disconnect
    count      = $measure.Count
    baselineRssKiB = $baseline
    peakRssKiB = Get-PeakRssKiB
}
'BENCH-RESULT ' + ($result | ConvertTo-Json -Compress)
