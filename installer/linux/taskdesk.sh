#!/bin/sh
# The taskdesk command (installed as /usr/bin/taskdesk): starts the packaged Java runtime directly, with the options of
# /opt/taskdesk/lib/app/taskdesk.cfg. jpackage's own launcher in /opt/taskdesk/bin asks dpkg and rpm which package it
# belongs to at every start, which costs 50 to 300 ms before Java even begins. The class path must stay exactly as the
# class cache was made with (postinst), or the cache is not used. Temurin 25's AOT cache when the package has one.
# ArchiveRelocationMode=0: see package.sh.
if [ -f /opt/taskdesk/lib/app/taskdesk.aot ]; then
  exec /opt/taskdesk/lib/runtime/bin/java -XX:AOTCache=/opt/taskdesk/lib/app/taskdesk.aot -Xlog:aot=off -Xlog:cds=off \
    -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
    -cp /opt/taskdesk/lib/app/taskdesk.jar org.taskdesk.app.Main "$@"
fi
exec /opt/taskdesk/lib/runtime/bin/java -XX:SharedArchiveFile=/opt/taskdesk/lib/app/taskdesk.jsa -Xshare:auto \
  -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp /opt/taskdesk/lib/app/taskdesk.jar org.taskdesk.app.Main "$@"
