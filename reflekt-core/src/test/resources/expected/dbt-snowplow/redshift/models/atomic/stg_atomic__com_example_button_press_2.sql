{{
  config(
    materialized = 'view'
  )
}}

with

events as (
    select *
    from {{ source('atomic', 'events') }}
    where collector_tstamp < '2030-01-01'
),

renamed as (
    select
        cast(e.event_id as varchar(65535)) as event_id,
        cast(e.collector_tstamp as timestamp) as collector_tstamp,
        cast(e.derived_tstamp as timestamp) as derived_tstamp,
        cast(e.dvce_created_tstamp as timestamp) as dvce_created_tstamp,
        cast(e.event_name as varchar(65535)) as event_name,
        cast(e.event_version as varchar(65535)) as event_version,
        cast(e.app_id as varchar(65535)) as app_id,
        cast(e.platform as varchar(65535)) as platform,
        cast(e.domain_userid as varchar(65535)) as domain_userid,
        cast(e.domain_sessionid as varchar(65535)) as domain_sessionid,
        cast(e.network_userid as varchar(65535)) as network_userid,
        cast(e.user_id as varchar(65535)) as user_id,
        cast(s.button_id as varchar(65535)) as button_id,
        cast(s.label as varchar(65535)) as label,
        cast('atomic' as varchar(65535)) as source_schema,
        cast('com_example_button_press_2' as varchar(65535)) as source_table,
        cast('acme/button_press/2-0.json' as varchar(65535)) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar(65535)) as schema_metadata
    from events as e
    join (
        select
            *,
            row_number() over (partition by root_id, root_tstamp order by root_id) as reflekt_duplicate
        from {{ source('atomic', 'com_example_button_press_2') }}
    ) as s
        on s.root_id = e.event_id
        and s.root_tstamp = e.collector_tstamp
        and s.reflekt_duplicate = 1
    where e.event_vendor = 'com.example'
        and e.event_name = 'button_press'
        and e.event_version like '2-%'
)

select * from renamed
