# Shared by Parallel.Tests.ps1 (dot-sourced; not a test file itself): the script each
# mailbox runs in its own runspace, the plans that say what it should do, and the
# counters of what the process holds (sockets, open files, threads).

# What one mailbox's runspace runs, as text: ForEach-Object -Parallel refuses script
# blocks from outside ($using:), runspaces take text anyway. It reports into
# $Plan.Report (a synchronized hashtable) as it goes, so a script that is stopped or
# throws has still told what it did up to then.
#   Complete       export all, remove the numbers in PurgeNumbers by UID, Disconnect
#                  in finally (commits): the server loses exactly those.
#   Abandon        export all, remove the same way, then throw without Disconnect: the
#                  marks are never committed (no QUIT), the server keeps everything.
#   StopInReceive  Receive -All -Delete, paused downstream at the PauseAfter-th saved
#                  message (Receive is still running: it has saved and marked a batch,
#                  here the whole mailbox, and is writing its output) until the test
#                  stops the PowerShell. Marked, never committed: the server keeps all.
#   StopInRemove   export all, then Remove -PassThru paused the same way at its
#                  PauseAfter-th marked message: the server keeps all.
$Pop3MailboxScript = @'
param([hashtable] $Plan)
$ErrorActionPreference = 'Stop'
$report = $Plan.Report
Import-Module -Name $Plan.ManifestPath
$report.Runspace = [runspace]::DefaultRunspace.InstanceId
$report.SessionsBefore = @(Get-Pop3Session).Count
$session = Connect-Pop3 -Server $Plan.Server -Port $Plan.Port -Security StartTls -Credential $Plan.Credential `
    -CertificateThumbprint $Plan.Thumbprint -TimeoutSeconds 30
$report.Session = $session
$report.SessionsSeen = @(Get-Pop3Session | ForEach-Object { $_.UserName })
$report.DefaultUser = (Get-Pop3Message -First 1 -NoHeaders).Session.UserName

function Suspend-AtPause {
    param([int] $Count)
    if ($Count -eq $Plan.PauseAfter) {
        $report.PendingAtPause = $session.PendingDeletions
        [void] $Plan.Paused.Set()
        # Only the test's Stop ends this; the test fails it if it ever gets this far.
        Start-Sleep -Seconds 120
        $report.SleptThrough = $true
    }
}

switch ($Plan.Scenario) {
    'Complete' {
        try {
            $saved = @(Receive-Pop3Message -Session $session -All -Path $Plan.Folder)
            $report.Saved = $saved.Count
            $purge = @($saved | Where-Object { $Plan.PurgeNumbers -contains $_.Number } | ForEach-Object { $_.Uid })
            Remove-Pop3Message -Session $session -Uid $purge -Confirm:$false
            $report.Marked = $session.PendingDeletions
        }
        finally {
            $closed = Disconnect-Pop3 -Session $session -PassThru
            $report.Deleted = $closed.DeletedCount
            $report.SessionsAfter = @(Get-Pop3Session).Count
        }
        $report.Ended = 'Completed'
    }
    'Abandon' {
        $saved = @(Receive-Pop3Message -Session $session -All -Path $Plan.Folder)
        $report.Saved = $saved.Count
        $purge = @($saved | Where-Object { $Plan.PurgeNumbers -contains $_.Number } | ForEach-Object { $_.Uid })
        Remove-Pop3Message -Session $session -Uid $purge -Confirm:$false
        $report.Marked = $session.PendingDeletions
        $report.Ended = 'Abandoned'
        throw "Abandoned $($Plan.Credential.UserName) with $($report.Marked) deletions marked"
    }
    'StopInReceive' {
        $count = 0
        Receive-Pop3Message -Session $session -All -Path $Plan.Folder -Delete | ForEach-Object {
            $count++
            Suspend-AtPause -Count $count
        }
        $report.Ended = 'RanPastTheStop'
    }
    'StopInRemove' {
        $saved = @(Receive-Pop3Message -Session $session -All -Path $Plan.Folder)
        $report.Saved = $saved.Count
        $count = 0
        $saved | Where-Object { $Plan.PurgeNumbers -contains $_.Number } |
            Remove-Pop3Message -Session $session -Confirm:$false -PassThru | ForEach-Object {
                $count++
                Suspend-AtPause -Count $count
            }
        $report.Ended = 'RanPastTheStop'
    }
}
'@

# One plan per mailbox: the mailbox (index into the lab's parallel users), its
# scenario and its own export folder. Mailbox i purges the messages whose number n
# has (n + i) % 3 == 0, four of twelve, a different four from its neighbours.
function New-Pop3MailboxPlan {
    param([hashtable] $Lab, [int] $Index, [string] $Scenario, [string] $Root)
    $credential = $Lab.ParallelCredentials[$Index]
    $count = $Lab.MessageCount
    @{
        ManifestPath = Get-Pop3ToolsManifestPath
        Server = $Lab.Server
        Port = $Lab.Port
        Thumbprint = $Lab.Thumbprint
        Credential = $credential
        Scenario = $Scenario
        Folder = Join-Path $Root $credential.UserName
        PurgeNumbers = @(1..$count | Where-Object { ($_ + $Index) % 3 -eq 0 })
        PauseAfter = 2
        Paused = New-Object System.Threading.ManualResetEventSlim -ArgumentList $false
        Report = [hashtable]::Synchronized(@{})
    }
}

# The messages a mailbox holds now, read in a fresh session of this runspace.
function Get-Pop3MailboxOnServer {
    param([hashtable] $Lab, [System.Management.Automation.PSCredential] $Credential)
    $session = Connect-Pop3TestSession -Lab $Lab -Credential $Credential
    try {
        @(Get-Pop3Message -Session $session -NoHeaders -ErrorAction Stop | ForEach-Object {
                [pscustomobject] @{ Number = $_.Number; Uid = $_.Uid; Size = $_.Size }
            })
    }
    finally {
        Disconnect-Pop3 -Session $session -Discard -ErrorAction SilentlyContinue
    }
}

# Open sockets of this machine to the lab's ports (the client side: its remote port
# is the lab's). TIME_WAIT and CLOSE hold no socket of any process, so they do not count.
function Get-Pop3LabConnectionCount {
    param([hashtable] $Lab)
    $ports = @(('{0:X4}' -f $Lab.Port), ('{0:X4}' -f $Lab.TlsPort))
    $count = 0
    foreach ($table in '/proc/net/tcp', '/proc/net/tcp6') {
        if (-not (Test-Path $table)) { continue }
        foreach ($line in (Get-Content $table | Select-Object -Skip 1)) {
            $fields = @($line.Trim() -split '\s+')
            $remotePort = ($fields[2] -split ':')[1]
            if ($ports -contains $remotePort -and $fields[3] -ne '06' -and $fields[3] -ne '07') {
                $count++
            }
        }
    }
    $count
}

# What this PowerShell process holds: its sockets, the files it has open (assemblies
# aside: the runtime loads some of its own lazily, once, and keeps them open), threads,
# and connections to the lab.
function Get-Pop3ProcessResources {
    param([hashtable] $Lab)
    $targets = @(Get-ChildItem -Path "/proc/$PID/fd" -ErrorAction SilentlyContinue | ForEach-Object { [string] $_.LinkTarget })
    [pscustomobject] @{
        Sockets = @($targets | Where-Object { $_ -like 'socket:*' }).Count
        Files = @($targets | Where-Object { $_ -like '/*' -and $_ -notlike '/proc/*' -and $_ -notmatch '\.(dll|so(\.[0-9.]+)?)$' }).Count
        Threads = (Get-Process -Id $PID).Threads.Count
        LabConnections = Get-Pop3LabConnectionCount -Lab $Lab
    }
}

# Waits (bounded) until the process is back to its baseline (threads within a
# tolerance): closed sockets and finished threads go away a moment after the work ends.
function Wait-Pop3ResourcesSettled {
    param([hashtable] $Lab, $Baseline, [int] $ThreadTolerance, [int] $TimeoutSeconds)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    do {
        [GC]::Collect()
        [GC]::WaitForPendingFinalizers()
        $now = Get-Pop3ProcessResources -Lab $Lab
        $settled = $now.LabConnections -le $Baseline.LabConnections -and
            $now.Sockets -le $Baseline.Sockets -and
            $now.Files -le $Baseline.Files -and
            $now.Threads -le $Baseline.Threads + $ThreadTolerance
        if ($settled) { break }
        Start-Sleep -Milliseconds 250
    } while ([DateTime]::UtcNow -lt $deadline)
    $now
}
